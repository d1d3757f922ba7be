namespace NicConsole.Web.LiveUpdates;

public enum Backplane
{
    InProcess,
    Redis,
}
