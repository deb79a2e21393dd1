using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StayContinuationNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SettledRoundId",
                table: "MonitoringRoundUnitEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StayCount",
                table: "MonitoringRoundUnitEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRoundUnitEvents_SettledRoundId_UnitId",
                table: "MonitoringRoundUnitEvents",
                columns: new[] { "SettledRoundId", "UnitId" });

            migrationBuilder.AddForeignKey(
                name: "FK_MonitoringRoundUnitEvents_MonitoringRounds_SettledRoundId",
                table: "MonitoringRoundUnitEvents",
                column: "SettledRoundId",
                principalTable: "MonitoringRounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MonitoringRoundUnitEvents_MonitoringRounds_SettledRoundId",
                table: "MonitoringRoundUnitEvents");

            migrationBuilder.DropIndex(
                name: "IX_MonitoringRoundUnitEvents_SettledRoundId_UnitId",
                table: "MonitoringRoundUnitEvents");

            migrationBuilder.DropColumn(
                name: "SettledRoundId",
                table: "MonitoringRoundUnitEvents");

            migrationBuilder.DropColumn(
                name: "StayCount",
                table: "MonitoringRoundUnitEvents");
        }
    }
}
