namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed record AddToCounterAction(int Amount);
