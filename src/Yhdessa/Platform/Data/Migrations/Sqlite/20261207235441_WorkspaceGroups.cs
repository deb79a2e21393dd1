using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkspaceGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GroupId",
                table: "WorkspaceMeetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkspaceGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceGroups_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceGroupMembers", x => new { x.GroupId, x.UserId });
                    table.ForeignKey(
                        name: "FK_WorkspaceGroupMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceGroupMembers_WorkspaceGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "WorkspaceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceMeetings_GroupId",
                table: "WorkspaceMeetings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceGroupMembers_UserId",
                table: "WorkspaceGroupMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceGroups_WorkspaceId_Name",
                table: "WorkspaceGroups",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkspaceMeetings_WorkspaceGroups_GroupId",
                table: "WorkspaceMeetings",
                column: "GroupId",
                principalTable: "WorkspaceGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WorkspaceMeetings_WorkspaceGroups_GroupId",
                table: "WorkspaceMeetings");

            migrationBuilder.DropTable(
                name: "WorkspaceGroupMembers");

            migrationBuilder.DropTable(
                name: "WorkspaceGroups");

            migrationBuilder.DropIndex(
                name: "IX_WorkspaceMeetings_GroupId",
                table: "WorkspaceMeetings");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "WorkspaceMeetings");
        }
    }
}
