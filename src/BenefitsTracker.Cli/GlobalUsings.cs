// The use cases live in BenefitsTracker.Application; the CLI parses, calls them and prints.
global using BenefitsTracker.Application;
