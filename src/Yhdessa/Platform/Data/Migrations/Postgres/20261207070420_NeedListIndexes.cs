using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NeedListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Needs_State_AnsweredAt_ConfirmedAt",
                table: "Needs",
                columns: new[] { "State", "AnsweredAt", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_SupportCount_RaisedAt_Id",
                table: "Needs",
                columns: new[] { "SupportCount", "RaisedAt", "Id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Needs_State_AnsweredAt_ConfirmedAt",
                table: "Needs");

            migrationBuilder.DropIndex(
                name: "IX_Needs_SupportCount_RaisedAt_Id",
                table: "Needs");
        }
    }
}
