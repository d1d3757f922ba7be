using Microsoft.Extensions.Logging;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
