using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Needs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Needs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    RaisedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RaiserNameShown = table.Column<bool>(type: "boolean", nullable: false),
                    RaisedFromSector = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SupportCount = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Needs_AspNetUsers_RaisedById",
                        column: x => x.RaisedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Needs_Needs_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Needs_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NeedSupports",
                columns: table => new
                {
                    NeedId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SupportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedSupports", x => new { x.NeedId, x.UserId });
                    table.ForeignKey(
                        name: "FK_NeedSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedSupports_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedThemeLinks",
                columns: table => new
                {
                    NeedId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedThemeLinks", x => new { x.NeedId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_NeedThemeLinks_EventThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "EventThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedThemeLinks_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_MergedIntoId",
                table: "Needs",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_OrganisationId",
                table: "Needs",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_RaisedAt",
                table: "Needs",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_RaisedById",
                table: "Needs",
                column: "RaisedById");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_State_SupportCount",
                table: "Needs",
                columns: new[] { "State", "SupportCount" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedSupports_UserId",
                table: "NeedSupports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedThemeLinks_ThemeId",
                table: "NeedThemeLinks",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NeedSupports");

            migrationBuilder.DropTable(
                name: "NeedThemeLinks");

            migrationBuilder.DropTable(
                name: "Needs");
        }
    }
}
