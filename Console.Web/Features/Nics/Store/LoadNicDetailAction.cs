namespace NicConsole.Web.Features.Nics.Store;

/// <summary>Opens the detail drawer on a NIC, or reads the open one again.</summary>
public sealed record LoadNicDetailAction(string NicId);
