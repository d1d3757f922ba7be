namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed record AddLaterAction(int Amount);
