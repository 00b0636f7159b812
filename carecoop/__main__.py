from carecoop.cli.app import main

main()
