namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed record AddThenDoubleAction(int Amount) : ICounterAction;
