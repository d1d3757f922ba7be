namespace NicConsole.Domain.Vpcs;

public enum VpcStatus
{
    Pending,
    Active,
    Deleted,
    Ceased,
}
