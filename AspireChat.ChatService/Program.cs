var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcServiceDefaults();
builder.AddChatService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcDefaultEndpoints();
app.MapChatService();

app.Run();

// Lets the tests start this exact application (WebApplicationFactory<Program>).
public partial class Program;
