namespace NicConsole.Domain.DataPlane;

public sealed class DataPlaneException(string message) : Exception(message);
