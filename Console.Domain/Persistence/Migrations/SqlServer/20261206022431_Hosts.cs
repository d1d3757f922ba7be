using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Hosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HostId",
                table: "Instances",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Hosts",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Zone = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Underlay = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    MaxServers = table.Column<int>(type: "int", nullable: false),
                    MaxNics = table.Column<int>(type: "int", nullable: false),
                    Online = table.Column<bool>(type: "bit", nullable: false),
                    Drained = table.Column<bool>(type: "bit", nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreateTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StatusTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hosts", x => x.Name);
                });

            migrationBuilder.Sql(HostsMigration.MoveExistingServers("SYSUTCDATETIME()"));

            migrationBuilder.CreateIndex(
                name: "IX_Instances_HostId_Status",
                table: "Instances",
                columns: new[] { "HostId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Underlay",
                table: "Hosts",
                column: "Underlay",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Zone",
                table: "Hosts",
                column: "Zone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Hosts");

            migrationBuilder.DropIndex(
                name: "IX_Instances_HostId_Status",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HostId",
                table: "Instances");
        }
    }
}
