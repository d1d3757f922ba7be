using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VxNetVni : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Vni",
                table: "VxNets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(VniMigration.NumberExistingVxNets);

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_Vni",
                table: "VxNets",
                column: "Vni",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VxNets_Vni",
                table: "VxNets");

            migrationBuilder.DropColumn(
                name: "Vni",
                table: "VxNets");
        }
    }
}
