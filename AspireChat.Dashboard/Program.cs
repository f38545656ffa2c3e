using AspireChat.Dashboard.Extensions;

// Content root is the build output, where the UI's files are, however the dashboard is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddDashboard();

var app = builder.Build();

app.MapDashboard();

app.Run();
