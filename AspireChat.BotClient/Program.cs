var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddChatClient();
builder.AddBot();

builder.Build().Run();
