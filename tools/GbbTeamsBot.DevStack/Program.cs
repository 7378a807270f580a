Console.WriteLine("GbbTeamsBot local stack: being built.");
return 0;
