using AspireChat.Bench;

return await BenchCommands.Create().Parse(args).InvokeAsync();
