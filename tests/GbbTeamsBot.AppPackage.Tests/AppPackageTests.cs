using System.IO.Compression;
using System.Text.Json.Nodes;

namespace GbbTeamsBot.AppPackage.Tests;

public sealed class AppPackageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gbb-package-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Package_holds_manifest_with_the_bot_id_icons_and_localization_files_at_its_root()
    {
        var botId = Guid.NewGuid();
        var zip = AppPackageBuilder.Build(
            ManifestValidator.ManifestFolder,
            new AppPackageOptions(botId) { Version = "1.2.3", ValidDomains = ["gbb.example.org"] },
            Path.Combine(_folder, "app.zip"));

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(
            ["color.png", "de.json", "en.json", "manifest.json", "outline.png"],
            archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var manifestFile = Path.Combine(_folder, "manifest.json");
        archive.GetEntry("manifest.json")!.ExtractToFile(manifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestFile))!;
        Assert.Equal(botId.ToString("D"), (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(botId.ToString("D"), (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal("api://botid-" + botId.ToString("D"), (string?)manifest["webApplicationInfo"]!["resource"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal("gbb.example.org", (string?)manifest["validDomains"]![0]);

        var result = ManifestValidator.Validate(manifestFile).Single();
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));

        using var color = archive.GetEntry("color.png")!.Open();
        using var buffer = new MemoryStream();
        color.CopyTo(buffer);
        Assert.Equal(192, PngImage.Read(buffer.ToArray()).Width);
    }

    [Fact]
    public void Separate_app_and_Entra_ids_are_written_where_they_belong()
    {
        var botId = Guid.NewGuid();
        var appId = Guid.NewGuid();
        var entraId = Guid.NewGuid();

        var manifest = AppPackageBuilder.Manifest(ManifestValidator.ManifestFolder, new AppPackageOptions(botId) { AppId = appId, EntraAppId = entraId });

        Assert.Equal(appId.ToString("D"), (string?)manifest["id"]);
        Assert.Equal(botId.ToString("D"), (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(entraId.ToString("D"), (string?)manifest["webApplicationInfo"]!["id"]);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", null, null)]
    [InlineData("7d3c8f1e-1111-4222-8333-944455556666", "1.0", null)]
    [InlineData("7d3c8f1e-1111-4222-8333-944455556666", null, "https://gbb.example.org")]
    public void Invalid_options_are_rejected_and_no_package_is_written(string botId, string? version, string? domain)
    {
        var output = Path.Combine(_folder, "app.zip");
        var options = new AppPackageOptions(Guid.Parse(botId)) { Version = version, ValidDomains = domain is null ? [] : [domain] };

        Assert.Throws<ArgumentException>(() => AppPackageBuilder.Build(ManifestValidator.ManifestFolder, options, output));
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--bot-id", "not-a-guid")]
    [InlineData("--bogus", "x")]
    [InlineData("--bot-id")]
    [InlineData("deploy")]
    public void Command_line_rejects_bad_arguments_with_a_clear_message(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args).Guid("--bot-id"));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Command_line_reads_the_bot_id_and_repeated_domains()
    {
        var id = Guid.NewGuid();

        var line = CommandLine.Parse(["build", "--bot-id", id.ToString(), "--valid-domain", "a.example", "--valid-domain", "b.example"]);

        Assert.Equal("build", line.Command);
        Assert.Equal(id, line.Guid("--bot-id"));
        Assert.Equal(["a.example", "b.example"], line.Values("--valid-domain"));
    }
}
