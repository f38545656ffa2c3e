var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddChatClient();
builder.AddBot();

return builder.Build().RunBot();
