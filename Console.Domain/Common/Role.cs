namespace NicConsole.Domain.Common;

/// <summary>What a user may do: read (Viewer), change resources (Operator), and also manage users and every key (Admin).</summary>
public enum Role
{
    Viewer = 0,
    Operator = 1,
    Admin = 2,
}
