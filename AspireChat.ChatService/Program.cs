var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcServiceDefaults();
builder.AddChatService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaultEndpoints();
app.MapChatService();

return app.RunChatService();

// Lets the tests start this exact application (WebApplicationFactory<Program>).
public partial class Program;
