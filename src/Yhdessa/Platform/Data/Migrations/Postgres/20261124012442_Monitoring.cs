using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitoringRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRounds", x => x.Id);
                    table.CheckConstraint("CK_MonitoringRounds_Period", "\"End\" >= \"Start\"");
                });

            migrationBuilder.CreateTable(
                name: "MonitoringUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringUnits_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringAggregateValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringAggregateValues", x => x.Id);
                    table.CheckConstraint("CK_MonitoringAggregateValues_Count", "\"Count\" >= 0");
                    table.ForeignKey(
                        name: "FK_MonitoringAggregateValues_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringAggregateValues_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringAnnualSurveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AddedScatteredWithSupport = table.Column<int>(type: "integer", nullable: false),
                    AddedHousingFirstCongregate = table.Column<int>(type: "integer", nullable: false),
                    AddedSupportedHousing = table.Column<int>(type: "integer", nullable: false),
                    AddedIntensiveServiceHousing = table.Column<int>(type: "integer", nullable: false),
                    AddedOther = table.Column<int>(type: "integer", nullable: false),
                    WorkForms = table.Column<List<string>>(type: "text[]", maxLength: 1000, nullable: false),
                    Comments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangeExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringAnnualSurveys", x => x.Id);
                    table.CheckConstraint("CK_MonitoringAnnualSurveys_AddedHousingFirstCongregate", "\"AddedHousingFirstCongregate\" >= 0");
                    table.CheckConstraint("CK_MonitoringAnnualSurveys_AddedIntensiveServiceHousing", "\"AddedIntensiveServiceHousing\" >= 0");
                    table.CheckConstraint("CK_MonitoringAnnualSurveys_AddedOther", "\"AddedOther\" >= 0");
                    table.CheckConstraint("CK_MonitoringAnnualSurveys_AddedScatteredWithSupport", "\"AddedScatteredWithSupport\" >= 0");
                    table.CheckConstraint("CK_MonitoringAnnualSurveys_AddedSupportedHousing", "\"AddedSupportedHousing\" >= 0");
                    table.ForeignKey(
                        name: "FK_MonitoringAnnualSurveys_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRoundUnits",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LastComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRoundUnits", x => new { x.RoundId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_MonitoringRoundUnits_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringRoundUnits_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringServices", x => x.Id);
                    table.CheckConstraint("CK_MonitoringServices_Places", "\"Places\" >= 0");
                    table.ForeignKey(
                        name: "FK_MonitoringServices_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringUnitReporters",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringUnitReporters", x => new { x.UnitId, x.UserId });
                    table.ForeignKey(
                        name: "FK_MonitoringUnitReporters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringUnitReporters_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRoundUnitEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRoundUnitEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringRoundUnitEvents_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MonitoringRoundUnitEvents_MonitoringRoundUnits_RoundId_Unit~",
                        columns: x => new { x.RoundId, x.UnitId },
                        principalTable: "MonitoringRoundUnits",
                        principalColumns: new[] { "RoundId", "UnitId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringStays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    ResidentCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MoveIn = table.Column<DateOnly>(type: "date", nullable: false),
                    SituationBefore = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    Destination = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringStays", x => x.Id);
                    table.CheckConstraint("CK_MonitoringStays_DestinationIffEnd", "(\"End\" IS NULL AND \"Destination\" IS NULL) OR (\"End\" IS NOT NULL AND \"Destination\" IS NOT NULL)");
                    table.CheckConstraint("CK_MonitoringStays_EndAfterMoveIn", "\"End\" IS NULL OR \"End\" >= \"MoveIn\"");
                    table.ForeignKey(
                        name: "FK_MonitoringStays_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringStays_MonitoringServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "MonitoringServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringStays_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAggregateValues_RoundId_UnitId_ServiceType_Measur~",
                table: "MonitoringAggregateValues",
                columns: new[] { "RoundId", "UnitId", "ServiceType", "Measure", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAggregateValues_UnitId",
                table: "MonitoringAggregateValues",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAnnualSurveys_MunicipalityCode_Year",
                table: "MonitoringAnnualSurveys",
                columns: new[] { "MunicipalityCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAnnualSurveys_UnitId",
                table: "MonitoringAnnualSurveys",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRounds_Start",
                table: "MonitoringRounds",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRoundUnitEvents_ActorId",
                table: "MonitoringRoundUnitEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRoundUnitEvents_RoundId_UnitId_At",
                table: "MonitoringRoundUnitEvents",
                columns: new[] { "RoundId", "UnitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRoundUnits_UnitId",
                table: "MonitoringRoundUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringServices_UnitId_Code",
                table: "MonitoringServices",
                columns: new[] { "UnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringStays_RoundId",
                table: "MonitoringStays",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringStays_ServiceId",
                table: "MonitoringStays",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringStays_UnitId_ResidentCode",
                table: "MonitoringStays",
                columns: new[] { "UnitId", "ResidentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringStays_UnitId_ServiceId_ResidentCode_MoveIn",
                table: "MonitoringStays",
                columns: new[] { "UnitId", "ServiceId", "ResidentCode", "MoveIn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringUnitReporters_UserId",
                table: "MonitoringUnitReporters",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringUnits_MunicipalityCode",
                table: "MonitoringUnits",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringUnits_Name",
                table: "MonitoringUnits",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringUnits_OrganisationId",
                table: "MonitoringUnits",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringAggregateValues");

            migrationBuilder.DropTable(
                name: "MonitoringAnnualSurveys");

            migrationBuilder.DropTable(
                name: "MonitoringRoundUnitEvents");

            migrationBuilder.DropTable(
                name: "MonitoringStays");

            migrationBuilder.DropTable(
                name: "MonitoringUnitReporters");

            migrationBuilder.DropTable(
                name: "MonitoringRoundUnits");

            migrationBuilder.DropTable(
                name: "MonitoringServices");

            migrationBuilder.DropTable(
                name: "MonitoringRounds");

            migrationBuilder.DropTable(
                name: "MonitoringUnits");
        }
    }
}
