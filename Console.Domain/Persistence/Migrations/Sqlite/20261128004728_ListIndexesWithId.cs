using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexesWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VxNets_Zone_CreateTime",
                table: "VxNets");

            migrationBuilder.DropIndex(
                name: "IX_Vpcs_Zone_CreateTime",
                table: "Vpcs");

            migrationBuilder.DropIndex(
                name: "IX_Nics_Zone_CreateTime",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Nics_Zone_Status_CreateTime",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Zone_CreateTime",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Zone_CreateTime",
                table: "Instances");

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_Zone_CreateTime_Id",
                table: "VxNets",
                columns: new[] { "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Vpcs_Zone_CreateTime_Id",
                table: "Vpcs",
                columns: new[] { "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_CreateTime_Id",
                table: "Nics",
                columns: new[] { "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_Status_CreateTime_Id",
                table: "Nics",
                columns: new[] { "Zone", "Status", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Zone_CreateTime_Id",
                table: "Jobs",
                columns: new[] { "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Zone_CreateTime_Id",
                table: "Instances",
                columns: new[] { "Zone", "CreateTime", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VxNets_Zone_CreateTime_Id",
                table: "VxNets");

            migrationBuilder.DropIndex(
                name: "IX_Vpcs_Zone_CreateTime_Id",
                table: "Vpcs");

            migrationBuilder.DropIndex(
                name: "IX_Nics_Zone_CreateTime_Id",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Nics_Zone_Status_CreateTime_Id",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Zone_CreateTime_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Zone_CreateTime_Id",
                table: "Instances");

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_Zone_CreateTime",
                table: "VxNets",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Vpcs_Zone_CreateTime",
                table: "Vpcs",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_CreateTime",
                table: "Nics",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_Status_CreateTime",
                table: "Nics",
                columns: new[] { "Zone", "Status", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Zone_CreateTime",
                table: "Jobs",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Zone_CreateTime",
                table: "Instances",
                columns: new[] { "Zone", "CreateTime" });
        }
    }
}
