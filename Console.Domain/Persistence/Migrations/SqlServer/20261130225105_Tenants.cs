using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Tenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every existing row belongs to the default tenant (OperationContext.DefaultTenant), vxnet-0 included.
            migrationBuilder.AddColumn<string>(
                name: "Tenant",
                table: "VxNets",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Tenant",
                table: "Vpcs",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Tenant",
                table: "OperationLog",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Tenant",
                table: "Nics",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Tenant",
                table: "Jobs",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Tenant",
                table: "Instances",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_Tenant_Zone_CreateTime_Id",
                table: "VxNets",
                columns: new[] { "Tenant", "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Vpcs_Tenant_Zone_CreateTime_Id",
                table: "Vpcs",
                columns: new[] { "Tenant", "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OperationLog_Tenant_Zone_Time",
                table: "OperationLog",
                columns: new[] { "Tenant", "Zone", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Tenant_Zone_CreateTime_Id",
                table: "Nics",
                columns: new[] { "Tenant", "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Tenant_Zone_Status_CreateTime_Id",
                table: "Nics",
                columns: new[] { "Tenant", "Zone", "Status", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Tenant_Zone_CreateTime_Id",
                table: "Jobs",
                columns: new[] { "Tenant", "Zone", "CreateTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Tenant_Zone_CreateTime_Id",
                table: "Instances",
                columns: new[] { "Tenant", "Zone", "CreateTime", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VxNets_Tenant_Zone_CreateTime_Id",
                table: "VxNets");

            migrationBuilder.DropIndex(
                name: "IX_Vpcs_Tenant_Zone_CreateTime_Id",
                table: "Vpcs");

            migrationBuilder.DropIndex(
                name: "IX_OperationLog_Tenant_Zone_Time",
                table: "OperationLog");

            migrationBuilder.DropIndex(
                name: "IX_Nics_Tenant_Zone_CreateTime_Id",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Nics_Tenant_Zone_Status_CreateTime_Id",
                table: "Nics");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Tenant_Zone_CreateTime_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Instances_Tenant_Zone_CreateTime_Id",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "Tenant",
                table: "VxNets");

            migrationBuilder.DropColumn(
                name: "Tenant",
                table: "Vpcs");

            migrationBuilder.DropColumn(
                name: "Tenant",
                table: "OperationLog");

            migrationBuilder.DropColumn(
                name: "Tenant",
                table: "Nics");

            migrationBuilder.DropColumn(
                name: "Tenant",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "Tenant",
                table: "Instances");
        }
    }
}
