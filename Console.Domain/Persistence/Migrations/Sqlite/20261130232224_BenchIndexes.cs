using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Nics_VxNetId_Status_Zone_PrivateIp_Id",
                table: "Nics",
                columns: new[] { "VxNetId", "Status", "Zone", "PrivateIp", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Nics_VxNetId_Status_Zone_PrivateIp_Id",
                table: "Nics");
        }
    }
}
