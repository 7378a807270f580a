using GbbTeamsBot.DevStack;

return await Launcher.RunAsync(args);
