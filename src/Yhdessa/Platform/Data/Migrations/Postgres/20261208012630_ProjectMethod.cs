using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectMethod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "SurveyQuestions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Number",
                table: "SurveyAnswers",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkspaceReportRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceReportRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceReportRounds_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceSubProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    LeadId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceSubProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceSubProjects_AspNetUsers_LeadId",
                        column: x => x.LeadId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkspaceSubProjects_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkspaceSubProjects_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    SubProjectId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Personnel = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Services = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Travel = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Other = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceBudgets_WorkspaceSubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "WorkspaceSubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceCosts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    SubProjectId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EnteredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceCosts_AspNetUsers_EnteredById",
                        column: x => x.EnteredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkspaceCosts_WorkspaceSubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "WorkspaceSubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    SubProjectId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceGoals_WorkspaceGoals_ParentId",
                        column: x => x.ParentId,
                        principalTable: "WorkspaceGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceGoals_WorkspaceSubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "WorkspaceSubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceGoals_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    SubProjectId = table.Column<int>(type: "integer", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceReports_AspNetUsers_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkspaceReports_WorkspaceReportRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "WorkspaceReportRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceReports_WorkspaceSubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "WorkspaceSubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceSubProjectMembers",
                columns: table => new
                {
                    SubProjectId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceSubProjectMembers", x => new { x.SubProjectId, x.UserId });
                    table.ForeignKey(
                        name: "FK_WorkspaceSubProjectMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceSubProjectMembers_WorkspaceSubProjects_SubProjectId",
                        column: x => x.SubProjectId,
                        principalTable: "WorkspaceSubProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    GoalId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceIndicators_WorkspaceGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "WorkspaceGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkspaceMeasurements_WorkspaceIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "WorkspaceIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkspaceMeasurements_WorkspaceReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "WorkspaceReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceBudgets_SubProjectId_StartsOn",
                table: "WorkspaceBudgets",
                columns: new[] { "SubProjectId", "StartsOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceBudgets_WorkspaceId",
                table: "WorkspaceBudgets",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceCosts_EnteredById",
                table: "WorkspaceCosts",
                column: "EnteredById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceCosts_SubProjectId_Month",
                table: "WorkspaceCosts",
                columns: new[] { "SubProjectId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceCosts_WorkspaceId",
                table: "WorkspaceCosts",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceGoals_ParentId",
                table: "WorkspaceGoals",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceGoals_SubProjectId",
                table: "WorkspaceGoals",
                column: "SubProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceGoals_WorkspaceId_Position",
                table: "WorkspaceGoals",
                columns: new[] { "WorkspaceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceIndicators_GoalId",
                table: "WorkspaceIndicators",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceIndicators_WorkspaceId",
                table: "WorkspaceIndicators",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceMeasurements_IndicatorId_Period",
                table: "WorkspaceMeasurements",
                columns: new[] { "IndicatorId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceMeasurements_ReportId",
                table: "WorkspaceMeasurements",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceReportRounds_DueOn",
                table: "WorkspaceReportRounds",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceReportRounds_WorkspaceId_Period",
                table: "WorkspaceReportRounds",
                columns: new[] { "WorkspaceId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceReports_AnsweredById",
                table: "WorkspaceReports",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceReports_RoundId_SubProjectId",
                table: "WorkspaceReports",
                columns: new[] { "RoundId", "SubProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceReports_SubProjectId",
                table: "WorkspaceReports",
                column: "SubProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceSubProjectMembers_UserId",
                table: "WorkspaceSubProjectMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceSubProjects_LeadId",
                table: "WorkspaceSubProjects",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceSubProjects_OrganisationId",
                table: "WorkspaceSubProjects",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkspaceSubProjects_WorkspaceId_Name",
                table: "WorkspaceSubProjects",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkspaceBudgets");

            migrationBuilder.DropTable(
                name: "WorkspaceCosts");

            migrationBuilder.DropTable(
                name: "WorkspaceMeasurements");

            migrationBuilder.DropTable(
                name: "WorkspaceSubProjectMembers");

            migrationBuilder.DropTable(
                name: "WorkspaceIndicators");

            migrationBuilder.DropTable(
                name: "WorkspaceReports");

            migrationBuilder.DropTable(
                name: "WorkspaceGoals");

            migrationBuilder.DropTable(
                name: "WorkspaceReportRounds");

            migrationBuilder.DropTable(
                name: "WorkspaceSubProjects");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "SurveyAnswers");
        }
    }
}
