using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_Status_Transition",
                table: "Nics",
                columns: new[] { "Zone", "Status", "Transition" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Zone_Status_StatusTime",
                table: "Jobs",
                columns: new[] { "Zone", "Status", "StatusTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Nics_Zone_Status_Transition",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Zone_Status_StatusTime",
                table: "Jobs");
        }
    }
}
