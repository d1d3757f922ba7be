namespace NicConsole.Tests.Web.Flux.Fixtures;

public interface ICounterAction;
