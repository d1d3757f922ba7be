using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NicConsole.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Cpu = table.Column<int>(type: "INTEGER", nullable: false),
                    Memory = table.Column<int>(type: "INTEGER", nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Transition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResourceIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Directive = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OperationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vpcs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    RouterType = table.Column<int>(type: "INTEGER", nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Transition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vpcs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VxNets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Subnet = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Gateway = table.Column<long>(type: "INTEGER", nullable: true),
                    DynIpStart = table.Column<long>(type: "INTEGER", nullable: true),
                    DynIpEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    Features = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Transition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VxNets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VxNets_Vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "Vpcs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nics",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VxNetId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrivateIp = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Transition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nics_Instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nics_VxNets_VxNetId",
                        column: x => x.VxNetId,
                        principalTable: "VxNets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_JobId",
                table: "Instances",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Zone_CreateTime",
                table: "Instances",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Status_CreateTime",
                table: "Jobs",
                columns: new[] { "Status", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Zone_CreateTime",
                table: "Jobs",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_InstanceId_Sequence",
                table: "Nics",
                columns: new[] { "InstanceId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nics_JobId",
                table: "Nics",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Nics_VxNetId_PrivateIp",
                table: "Nics",
                columns: new[] { "VxNetId", "PrivateIp" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_CreateTime",
                table: "Nics",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Nics_Zone_Status_CreateTime",
                table: "Nics",
                columns: new[] { "Zone", "Status", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_OperationLog_Zone_Time",
                table: "OperationLog",
                columns: new[] { "Zone", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_Vpcs_JobId",
                table: "Vpcs",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Vpcs_Zone_CreateTime",
                table: "Vpcs",
                columns: new[] { "Zone", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_JobId",
                table: "VxNets",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_VpcId_Subnet",
                table: "VxNets",
                columns: new[] { "VpcId", "Subnet" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VxNets_Zone_CreateTime",
                table: "VxNets",
                columns: new[] { "Zone", "CreateTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropTable(
                name: "Nics");

            migrationBuilder.DropTable(
                name: "OperationLog");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropTable(
                name: "VxNets");

            migrationBuilder.DropTable(
                name: "Vpcs");
        }
    }
}
