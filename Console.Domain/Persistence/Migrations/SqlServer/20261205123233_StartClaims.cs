using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StartClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StartClaim",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Node = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StartClaim", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StartClaim");
        }
    }
}
