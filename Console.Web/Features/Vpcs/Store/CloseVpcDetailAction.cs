namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record CloseVpcDetailAction;
