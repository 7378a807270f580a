namespace GbbTeamsBot.Infra.Tests; public class Placeholder { [Fact] public void Ok() { } }
