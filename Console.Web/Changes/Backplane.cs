namespace NicConsole.Web.Changes;

public enum Backplane
{
    InProcess,
    Redis,
}
