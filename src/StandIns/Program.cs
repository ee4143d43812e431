using ContactHub.StandIns;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStandIns();

var app = builder.Build();
app.MapStandIns();
app.Run();
