using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JobWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Work",
                table: "Jobs",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Work",
                table: "Jobs");
        }
    }
}
