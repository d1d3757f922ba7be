namespace NicConsole.Web.Api;

/// <summary>
/// One parameter exactly as it arrived: <c>name=value</c>, or a bare <c>name</c> (<see cref="HasEquals"/>
/// false), which older Go SDKs send and sign for a blank value.
/// </summary>
public sealed record RawParameter(string Name, string Value, bool HasEquals);
