using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Persistence;

/// <summary>The VxNetVni migration's numbering of the VxNets already there, on either provider: vxnet-0 gets <see cref="VxNet.BasicVni"/>, the others <see cref="VxNet.FirstVni"/> on, in id order.</summary>
internal static class VniMigration
{
    public static string NumberExistingVxNets => $"""
        UPDATE VxNets SET Vni = CASE WHEN Id = '{ResourceIds.BasicVxNet}' THEN {VxNet.BasicVni}
            ELSE {VxNet.FirstVni} + (SELECT COUNT(*) FROM VxNets AS earlier WHERE earlier.Id < VxNets.Id AND earlier.Id <> '{ResourceIds.BasicVxNet}') END;
        """;
}
