using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NeedTriage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssigneeId",
                table: "Needs",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NeedChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedChanges_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedTriageGroups",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedTriageGroups", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_NeedTriageGroups_NetworkGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "NetworkGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedTriageNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedTriageNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedTriageNotes_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NeedTriageNotes_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_AssigneeId",
                table: "Needs",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedChanges_NeedId_At",
                table: "NeedChanges",
                columns: new[] { "NeedId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedTriageNotes_AuthorId",
                table: "NeedTriageNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedTriageNotes_NeedId_At",
                table: "NeedTriageNotes",
                columns: new[] { "NeedId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_Needs_AspNetUsers_AssigneeId",
                table: "Needs",
                column: "AssigneeId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Needs_AspNetUsers_AssigneeId",
                table: "Needs");

            migrationBuilder.DropTable(
                name: "NeedChanges");

            migrationBuilder.DropTable(
                name: "NeedTriageGroups");

            migrationBuilder.DropTable(
                name: "NeedTriageNotes");

            migrationBuilder.DropIndex(
                name: "IX_Needs_AssigneeId",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "Needs");
        }
    }
}
