using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OperationLogResourceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OperationLogResources",
                columns: table => new
                {
                    OperationId = table.Column<long>(type: "bigint", nullable: false),
                    ResourceId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationLogResources", x => new { x.ResourceId, x.OperationId });
                    table.ForeignKey(
                        name: "FK_OperationLogResources_OperationLog_OperationId",
                        column: x => x.OperationId,
                        principalTable: "OperationLog",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OperationLogResources_OperationId",
                table: "OperationLogResources",
                column: "OperationId");

            // Entries written before this migration: one row for each id of their space-separated column.
            migrationBuilder.Sql(
                """
                INSERT INTO OperationLogResources (ResourceId, OperationId)
                SELECT DISTINCT s.value, o.Id FROM OperationLog o CROSS APPLY STRING_SPLIT(o.ResourceIds, ' ') s
                WHERE LEN(s.value) BETWEEN 1 AND 64;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperationLogResources");
        }
    }
}
