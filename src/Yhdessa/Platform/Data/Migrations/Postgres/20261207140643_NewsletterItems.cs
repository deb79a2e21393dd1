using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewsletterItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NewsletterEditorGroups",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterEditorGroups", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_NewsletterEditorGroups_NetworkGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "NetworkGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ImageId = table.Column<int>(type: "integer", nullable: true),
                    ImageAlt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EditorNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedText = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterItems_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NewsletterItems_NewsImages_ImageId",
                        column: x => x.ImageId,
                        principalTable: "NewsImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NewsletterItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterItems_AuthorId",
                table: "NewsletterItems",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterItems_ImageId",
                table: "NewsletterItems",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterItems_OrganisationId",
                table: "NewsletterItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterItems_State_SubmittedAt",
                table: "NewsletterItems",
                columns: new[] { "State", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsletterEditorGroups");

            migrationBuilder.DropTable(
                name: "NewsletterItems");
        }
    }
}
