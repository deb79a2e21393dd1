using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitoringSummaryCounts",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringSummaryCounts", x => new { x.UnitId, x.MunicipalityCode, x.ServiceType, x.Year, x.Month, x.Measure, x.Key });
                    table.ForeignKey(
                        name: "FK_MonitoringSummaryCounts_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringSummaryLengths",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Distribution = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringSummaryLengths", x => new { x.UnitId, x.MunicipalityCode, x.ServiceType, x.Year });
                    table.ForeignKey(
                        name: "FK_MonitoringSummaryLengths_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringSummaryStamps",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    StayCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastChange = table.Column<long>(type: "INTEGER", nullable: true),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringSummaryStamps", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_MonitoringSummaryStamps_MonitoringUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MonitoringUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringStays_UnitId_UpdatedAt",
                table: "MonitoringStays",
                columns: new[] { "UnitId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringSummaryCounts_Year_Measure",
                table: "MonitoringSummaryCounts",
                columns: new[] { "Year", "Measure" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringSummaryLengths_Year",
                table: "MonitoringSummaryLengths",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringSummaryCounts");

            migrationBuilder.DropTable(
                name: "MonitoringSummaryLengths");

            migrationBuilder.DropTable(
                name: "MonitoringSummaryStamps");

            migrationBuilder.DropIndex(
                name: "IX_MonitoringStays_UnitId_UpdatedAt",
                table: "MonitoringStays");
        }
    }
}
