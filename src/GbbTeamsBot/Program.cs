using GbbTeamsBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGbbTeamsBot();

var app = builder.Build();
app.MapGbbTeamsBot();
app.Run();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
