using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yhdessa.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_SearchText",
                table: "Organisations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SearchText",
                table: "Organisations",
                column: "SearchText");
        }
    }
}
