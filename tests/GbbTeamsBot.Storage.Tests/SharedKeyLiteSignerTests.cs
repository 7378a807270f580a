using System.Security.Cryptography;
using System.Text;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Tests;

public sealed class SharedKeyLiteSignerTests
{
    private const string Date = "Sat, 21 Nov 2026 19:24:49 GMT";

    [Fact]
    public void Path_style_emulator_address_signs_the_account_name_twice()
    {
        var stringToSign = SharedKeyLiteSigner.BuildStringToSign(Date, "devstoreaccount1", new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables"));

        Assert.Equal("Sat, 21 Nov 2026 19:24:49 GMT\n/devstoreaccount1/devstoreaccount1/Tables", stringToSign);
    }

    [Fact]
    public void Azure_host_style_address_signs_the_account_name_once()
    {
        var stringToSign = SharedKeyLiteSigner.BuildStringToSign(Date, "myaccount", new Uri("https://myaccount.table.core.windows.net/mytable(PartitionKey='p1',RowKey='r1')"));

        Assert.Equal("Sat, 21 Nov 2026 19:24:49 GMT\n/myaccount/mytable(PartitionKey='p1',RowKey='r1')", stringToSign);
    }

    [Fact]
    public void Query_parameters_are_not_signed_except_comp()
    {
        var query = SharedKeyLiteSigner.BuildCanonicalizedResource("acc", new Uri("https://acc.table.core.windows.net/t()?$filter=PartitionKey%20eq%20'x'&$top=5&NextPartitionKey=abc"));
        var comp = SharedKeyLiteSigner.BuildCanonicalizedResource("acc", new Uri("https://acc.table.core.windows.net/t?comp=acl&timeout=30"));

        Assert.Equal("/acc/t()", query);
        Assert.Equal("/acc/t?comp=acl", comp);
    }

    [Fact]
    public void Escaped_key_characters_are_signed_as_sent()
    {
        var resource = SharedKeyLiteSigner.BuildCanonicalizedResource("acc", new Uri("https://acc.table.core.windows.net/t(PartitionKey='O''Br%C3%BCck%20x',RowKey='%25')"));

        Assert.Equal("/acc/t(PartitionKey='O''Br%C3%BCck%20x',RowKey='%25')", resource);
    }

    [Fact]
    public void Batch_signs_the_dollar_batch_path()
    {
        Assert.Equal("/devstoreaccount1/devstoreaccount1/$batch", SharedKeyLiteSigner.BuildCanonicalizedResource("devstoreaccount1", new Uri("http://127.0.0.1:10002/devstoreaccount1/$batch")));
    }

    [Fact]
    public void Signature_is_base64_hmac_sha256_of_the_string_to_sign_with_the_decoded_key()
    {
        var key = Convert.FromBase64String(TableConnectionString.DevelopmentAccountKey);
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables");
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Date + "\n/devstoreaccount1/devstoreaccount1/Tables")));

        var header = SharedKeyLiteSigner.BuildAuthorizationHeader("devstoreaccount1", key, Date, uri);

        Assert.Equal("SharedKeyLite devstoreaccount1:" + expected, header);
        Assert.NotEqual(header, SharedKeyLiteSigner.BuildAuthorizationHeader("devstoreaccount1", key, "Sun, 22 Nov 2026 19:24:49 GMT", uri));
    }
}

public sealed class TableConnectionStringTests
{
    [Fact]
    public void Development_storage_resolves_to_the_local_emulator_account()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(TableConnectionString.DevelopmentAccountKey, parsed.AccountKey);
    }

    [Fact]
    public void Explicit_table_endpoint_is_used_and_a_trailing_slash_trimmed()
    {
        var parsed = TableConnectionString.Parse("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + TableConnectionString.DevelopmentAccountKey + ";TableEndpoint=http://127.0.0.1:12345/devstoreaccount1/;");

        Assert.Equal("http://127.0.0.1:12345/devstoreaccount1", parsed.TableEndpoint.AbsoluteUri.TrimEnd('/'));
        Assert.False(parsed.TableEndpoint.AbsoluteUri.EndsWith("devstoreaccount1/", StringComparison.Ordinal));
    }

    [Fact]
    public void Account_key_values_may_contain_equals_signs()
    {
        var parsed = TableConnectionString.Parse("AccountName=acc;AccountKey=AAAA+/==;EndpointSuffix=core.windows.net");

        Assert.Equal("AAAA+/==", parsed.AccountKey);
        Assert.Equal(new Uri("https://acc.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void Setting_names_are_case_insensitive_and_protocol_and_suffix_are_honoured()
    {
        var parsed = TableConnectionString.Parse("accountname=acc; accountkey=AAAA; defaultendpointsprotocol=http; endpointsuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("http://acc.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AccountName=acc")]
    [InlineData("AccountName=acc;AccountKey=not base64!")]
    [InlineData("AccountKey=AAAA;TableEndpoint=http://x")]
    [InlineData("AccountName=acc;AccountKey=AAAA;TableEndpoint=not-a-url")]
    [InlineData("AccountName=acc;AccountKey=AAAA;TableEndpoint=ftp://x/y")]
    [InlineData("TableEndpoint=https://acc.table.core.windows.net;SharedAccessSignature=sv=2020")]
    [InlineData("garbage")]
    public void Invalid_connection_strings_are_rejected(string connectionString)
    {
        Assert.False(TableConnectionString.TryParse(connectionString, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Throws<FormatException>(() => TableConnectionString.Parse(connectionString));
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var parsed = TableConnectionString.Parse("AccountName=acc;AccountKey=c2VjcmV0a2V5");

        Assert.DoesNotContain("c2VjcmV0a2V5", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_message_does_not_echo_the_key()
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse("AccountKey=c2VjcmV0a2V5;TableEndpoint=http://x"));

        Assert.DoesNotContain("c2VjcmV0a2V5", error.Message, StringComparison.Ordinal);
    }
}
