using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.Sqlite
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
                    OperationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                WITH RECURSIVE split(Id, Word, Rest) AS (
                    SELECT Id, '', ResourceIds || ' ' FROM OperationLog
                    UNION ALL
                    SELECT Id, substr(Rest, 1, instr(Rest, ' ') - 1), substr(Rest, instr(Rest, ' ') + 1) FROM split WHERE Rest <> ''
                )
                INSERT OR IGNORE INTO OperationLogResources (ResourceId, OperationId)
                SELECT Word, Id FROM split WHERE Word <> '';
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
