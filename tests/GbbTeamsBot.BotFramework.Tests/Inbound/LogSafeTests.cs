namespace GbbTeamsBot.BotFramework.Tests.Inbound;

public sealed class LogSafeTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1712345678901", "19:abc@thread.tacv2;messageid=1712345678901")]
    [InlineData("gbb.session.next", "gbb.session.next")]
    [InlineData("x\r\nError: forged line", "x__Error:_forged_line")]
    [InlineData("Frau Müller", "Frau_M_ller")]
    [InlineData(null, "-")]
    public void Client_ids_keep_only_an_id_alphabet(string? id, string expected)
    {
        Assert.Equal(expected, LogSafe.Id(id));
    }

    [Fact]
    public void Long_ids_are_cut_to_64_characters()
    {
        Assert.Equal(64, LogSafe.Id(new string('a', 10_000)).Length);
    }
}
