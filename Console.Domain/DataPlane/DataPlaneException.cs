namespace NicConsole.Domain.DataPlane;

public class DataPlaneException(string message) : Exception(message);
