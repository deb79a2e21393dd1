using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NeedsFromVisitorsAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReadForNeeds",
                table: "SurveyQuestions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Event feedback's "what should be developed?" question, in surveys made before the flag existed.
            migrationBuilder.Sql("UPDATE \"SurveyQuestions\" SET \"ReadForNeeds\" = TRUE WHERE \"Kind\" = 'FreeText' AND \"TextFi\" = 'Mitä pitäisi kehittää?'");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Needs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Member");

            migrationBuilder.CreateTable(
                name: "NeedFeedbackSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NeedId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnswerId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedFeedbackSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedFeedbackSources_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedVisitors",
                columns: table => new
                {
                    NeedId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StopToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedVisitors", x => x.NeedId);
                    table.ForeignKey(
                        name: "FK_NeedVisitors_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NeedFeedbackSources_Kind_AnswerId_QuestionId",
                table: "NeedFeedbackSources",
                columns: new[] { "Kind", "AnswerId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedFeedbackSources_NeedId",
                table: "NeedFeedbackSources",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedVisitors_ConfirmTokenHash",
                table: "NeedVisitors",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedVisitors_CreatedAt",
                table: "NeedVisitors",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NeedVisitors_Email",
                table: "NeedVisitors",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_NeedVisitors_StopToken",
                table: "NeedVisitors",
                column: "StopToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NeedFeedbackSources");

            migrationBuilder.DropTable(
                name: "NeedVisitors");

            migrationBuilder.DropColumn(
                name: "ReadForNeeds",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Needs");
        }
    }
}
